package archfixture.bad.application;

public class TakeSeat {

    public void take() {
    }
}
