package io.camelconnectly.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium for the browser tests. Skipped with a message where it is not installed, but required on
 * CI (CI=true), where {@code .ci/run} installs it.
 */
final class Chromium {

    static final Path BINARY = Paths.get("/usr/bin/chromium");
    static final Path DRIVER = Paths.get("/usr/bin/chromedriver");
    /** Headless, and no connection to anything but the pages the test opens. */
    static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run");

    private Chromium() {
    }

    /** Aborts the test when a program is missing, except on CI, where the test fails instead. */
    static void require(Path... programs) {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        for (Path program : programs) {
            if (!Files.isExecutable(program)) {
                assertThat(ci).as(program + " is required on CI: apt-get install chromium chromium-driver").isFalse();
                Assumptions.abort(program + " not found: apt-get install chromium chromium-driver to run this test");
            }
        }
    }

    static Path freshProfile() throws IOException {
        return Files.createTempDirectory("chromium-profile");
    }

    /**
     * A WebDriver session with the local chromedriver: the driver is named explicitly, so Selenium Manager never
     * runs (it would try to download one).
     */
    static ChromeDriver driver(Path profile) {
        require(BINARY, DRIVER);
        ChromeOptions options = new ChromeOptions().setBinary(BINARY.toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile, "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
