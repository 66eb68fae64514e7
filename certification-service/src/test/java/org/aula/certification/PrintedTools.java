package org.aula.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads a printed certificate with tools that share no code with Aula: Debian's {@code pdftoppm}
 * (poppler-utils) renders the PDF to a PNG as a printer or a screen would, and {@code zbarimg}
 * (zbar-tools) decodes the QR code on it as a phone's camera app would. CI installs both
 * ({@code .ci/run}); without them these tests fail and say what to install.
 */
final class PrintedTools {

    /** Where rendered pages are kept after a run, so a person can look at them. */
    static final Path OUTPUT = Path.of("target", "printed-certificates");

    private PrintedTools() {
    }

    /** The PDF's first page as a PNG at {@code dpi}, written beside the PDF under {@link #OUTPUT}. */
    static Path render(byte[] pdf, String name, int dpi) {
        try {
            Files.createDirectories(OUTPUT);
            Path document = OUTPUT.resolve(name + ".pdf");
            Files.write(document, pdf);
            Path prefix = OUTPUT.resolve(name);
            run("pdftoppm", "-png", "-r", Integer.toString(dpi), "-singlefile", document.toString(), prefix.toString());
            Path png = OUTPUT.resolve(name + ".png");
            assertThat(png).exists();
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every QR code zbarimg finds on the image, as text (not telling the desktop bus: a server has none). */
    static List<String> qrCodes(Path png) {
        String out = run("zbarimg", "--quiet", "--raw", "--nodbus", "-Sdisable", "-Sqrcode.enable", png.toString());
        return out.lines().filter(line -> !line.isBlank()).toList();
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(command[0] + " finishes").isTrue();
            String text = new String(output, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(command[0] + " succeeds: " + text).isZero();
            return text;
        } catch (IOException notInstalled) {
            throw new IllegalStateException(command[0] + " is missing: apt-get install -y poppler-utils zbar-tools", notInstalled);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
