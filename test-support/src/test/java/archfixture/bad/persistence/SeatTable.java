package archfixture.bad.persistence;

public class SeatTable {

    public int rows() {
        return 0;
    }
}
