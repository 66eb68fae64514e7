package archfixture.shared;

/** Stands for the event runtime's inbox. */
public class Inbox {

    public void receive(Object record) {
    }
}
