package org.aula.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class PlatformOptionsTest {

    @Test
    void withoutOptionsRunsOnTheDocumentedPortsAndDataDirectory() {
        PlatformOptions options = PlatformOptions.parse();

        assertThat(options.dataDir()).isEqualTo(Path.of(".aula-data").toAbsolutePath().normalize());
        assertThat(options.kafkaPort()).isEqualTo(9092);
        assertThat(options.postgresPort()).isEqualTo(5432);
        assertThat(options.portOf(PlatformService.ENROLLMENT)).isEqualTo(8081);
        assertThat(options.portOf(PlatformService.SESSION)).isEqualTo(8082);
        assertThat(options.portOf(PlatformService.CERTIFICATION)).isEqualTo(8083);
        assertThat(options.identityPort()).isEqualTo(9000);
        assertThat(options.consolePort()).isEqualTo(8080);
        assertThat(options.demo()).isFalse();
        assertThat(options.parallelStart()).isTrue();
    }

    @Test
    void everyOptionOverridesItsDefault() {
        PlatformOptions options = PlatformOptions.parse("--data-dir=/tmp/elsewhere", "--demo", "--sequential",
                "--kafka-port=19092", "--postgres-port=15432", "--enrollment-port=18081", "--session-port=18082",
                "--certification-port=0", "--identity-port=19000", "--console-port=18080");

        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/elsewhere"));
        assertThat(options.demo()).isTrue();
        assertThat(options.parallelStart()).isFalse();
        assertThat(options.kafkaPort()).isEqualTo(19092);
        assertThat(options.postgresPort()).isEqualTo(15432);
        assertThat(options.portOf(PlatformService.ENROLLMENT)).isEqualTo(18081);
        assertThat(options.portOf(PlatformService.SESSION)).isEqualTo(18082);
        assertThat(options.portOf(PlatformService.CERTIFICATION)).isZero();
        assertThat(options.identityPort()).isEqualTo(19000);
        assertThat(options.consolePort()).isEqualTo(18080);
    }

    @Test
    void rejectsUnknownOptionsAndBadPorts() {
        assertThatThrownBy(() -> PlatformOptions.parse("--kafka=1")).hasMessageContaining("Unknown option(s): --kafka=1");
        assertThatThrownBy(() -> PlatformOptions.parse("--kafka-port=ninety")).hasMessageContaining("not a port number");
        assertThatThrownBy(() -> PlatformOptions.parse("--session-port=70000")).hasMessageContaining("between 0 and 65535");
        assertThatThrownBy(() -> PlatformOptions.parse("--identity-port=-1")).hasMessageContaining("between 0 and 65535");
        assertThatThrownBy(() -> PlatformOptions.parse("--data-dir=")).hasMessageContaining("needs a value");
    }

    @Test
    void theHelpTextNamesTheIdentityProviderAndItsPort() {
        assertThat(PlatformOptions.USAGE).contains("--identity-port=<port>", "OpenID Connect provider", "(default 9000)");
        assertThat(PlatformOptions.USAGE).contains("--console-port=<port>", "staff console", "(default 8080)");
    }
}
