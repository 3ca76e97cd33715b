package io.camelconnectly.examples.springboot;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The example as it runs by default, on its web servers (random ports) with the embedded simulator; only the ports and
 * the database (in memory) differ from application.properties. Every test class carries this same annotation, so they
 * share one Spring context (one start of the application). Each also carries {@code @DisableJmx(false)}: Camel's test
 * support turns JMX off unless the test class itself says otherwise, and Hawtio reads the application's MBeans.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "CONNECTLY_API_KEY=", // the embedded simulator, even where the environment has a real key
        "connectly.simulator.port=0",
        "server.address=127.0.0.1",
        "spring.datasource.url=jdbc:h2:mem:connectly-example;DB_CLOSE_DELAY=-1"
})
@interface ExampleApplicationTest {
}
