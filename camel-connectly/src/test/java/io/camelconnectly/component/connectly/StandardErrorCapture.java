package io.camelconnectly.component.connectly;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Captures what the application logs: the test classpath binds slf4j to slf4j-simple, which writes to whatever
 * {@code System.err} is at the time of each call, so this swaps in a stream that keeps a copy and still writes to the
 * real one (the build output stays readable). Start it before, close it after the code under test.
 */
final class StandardErrorCapture implements AutoCloseable {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final PrintStream original;

    private StandardErrorCapture() {
        this.original = System.err;
    }

    static StandardErrorCapture start() {
        assertThat(LoggerFactory.getILoggerFactory().getClass().getName())
                .as("log capture reads slf4j-simple's output on System.err")
                .isEqualTo("org.slf4j.simple.SimpleLoggerFactory");
        StandardErrorCapture capture = new StandardErrorCapture();
        System.setErr(new PrintStream(capture.new Tee(), true, StandardCharsets.UTF_8));
        return capture;
    }

    /** Everything written to System.err since start. */
    String text() {
        System.err.flush();
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        System.setErr(original);
    }

    private final class Tee extends OutputStream {
        @Override
        public void write(int b) {
            write(new byte[] { (byte) b }, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (captured) {
                captured.write(b, off, len);
            }
            original.write(b, off, len);
        }

        @Override
        public void flush() {
            original.flush();
        }
    }
}
