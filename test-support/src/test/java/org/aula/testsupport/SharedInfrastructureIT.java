package org.aula.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

class SharedInfrastructureIT {

    @BeforeAll
    static void useEmbeddedBackend() {
        // This test is about the embedded back end even where Docker is available.
        System.setProperty(TestInfrastructure.BACKEND_PROPERTY, "embedded");
        long started = System.nanoTime();
        TestInfrastructure.shared();
        System.out.printf("Embedded back end started in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void sharedReturnsOneRunningEmbeddedInstance() throws Exception {
        TestInfrastructure first = TestInfrastructure.shared();
        assertThat(TestInfrastructure.shared()).isSameAs(first);
        assertThat(first.backend()).isEqualTo("embedded");
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, first.kafkaBootstrapServers()))) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
        }
    }

    @Test
    void jdbcUrlGivesEachNameItsOwnDatabase() throws SQLException {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        String alpha = infrastructure.jdbcUrl("alpha");
        String beta = infrastructure.jdbcUrl("beta");

        try (Connection connection = connect(infrastructure, alpha); Statement sql = connection.createStatement()) {
            assertThat(single(sql, "SELECT current_database()")).isEqualTo("alpha");
            sql.execute("CREATE TABLE only_in_alpha (id int)");
        }
        try (Connection connection = connect(infrastructure, beta); Statement sql = connection.createStatement()) {
            assertThat(single(sql, "SELECT current_database()")).isEqualTo("beta");
            assertThat(single(sql, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_alpha'")).isEqualTo("0");
        }
        assertThat(infrastructure.jdbcUrl("alpha")).isEqualTo(alpha);
    }

    @Test
    void initializerOverridesApplicationSettings() throws SQLException {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            ConfigurableEnvironment environment = context.getEnvironment();
            environment.getPropertySources().addLast(new MapPropertySource("application", Map.of(
                    "spring.application.name", "enrollment-service",
                    "spring.datasource.url", "jdbc:postgresql://db.example:5432/prod",
                    "spring.kafka.bootstrap-servers", "kafka.example:9092")));

            new TestInfrastructure.Initializer().initialize(context);

            TestInfrastructure infrastructure = TestInfrastructure.shared();
            String url = environment.getProperty("spring.datasource.url");
            assertThat(url).isEqualTo(infrastructure.jdbcUrl("enrollment-service"));
            assertThat(environment.getProperty("spring.kafka.bootstrap-servers"))
                    .isEqualTo(infrastructure.kafkaBootstrapServers());
            assertThat(environment.getProperty(TestTokens.PUBLIC_KEY_LOCATION_PROPERTY))
                    .isEqualTo(TestTokens.publicKeyLocation());
            try (Connection connection = DriverManager.getConnection(url,
                    environment.getProperty("spring.datasource.username"),
                    environment.getProperty("spring.datasource.password"));
                    Statement sql = connection.createStatement()) {
                assertThat(single(sql, "SELECT current_database()")).isEqualTo("enrollment-service");
            }
        }
    }

    private static Connection connect(TestInfrastructure infrastructure, String url) throws SQLException {
        return DriverManager.getConnection(url, infrastructure.username(), infrastructure.password());
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            assertThat(rs.next()).as("a row from %s", query).isTrue();
            return rs.getString(1);
        }
    }
}
