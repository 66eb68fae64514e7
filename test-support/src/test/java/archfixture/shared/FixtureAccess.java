package archfixture.shared;

/** The fixtures' named role expressions, as Access is for the services. */
public final class FixtureAccess {

    public static final String STAFF = "hasAnyRole('COORDINATOR','OPERATIONS')";

    private FixtureAccess() {
    }
}
