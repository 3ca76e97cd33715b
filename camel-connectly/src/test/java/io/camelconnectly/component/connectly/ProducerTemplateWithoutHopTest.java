package io.camelconnectly.component.connectly;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelconnectly.component.connectly.model.SendMessageResponse;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

import static io.camelconnectly.component.connectly.RecordingHttpServer.reply;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's way to send without the ProducerTemplate's thread hop ("Sending from application code"), verbatim: the
 * message goes out and answers, and the template never hands a send to a thread pool of its own (with Camel's default
 * threadedAsyncMode it would start one on its first async call).
 */
class ProducerTemplateWithoutHopTest extends ConnectlyTestSupport {

    @Test
    void readmeTemplateSendsWithoutAThreadPoolOfItsOwn() throws Exception {
        server.on("/send/messages", reply(200, "{\"id\":\"01HZX4Q7M2K9T3V8B6N1C5D0RA\"}"));
        CamelContext camelContext = context;

        // ---- README: ProducerTemplate without the hop (verbatim from here)
        ProducerTemplate template = camelContext.createProducerTemplate();
        template.setThreadedAsyncMode(false); // before its first async call: the template keeps the choice it starts with
        Endpoint sendMessage = camelContext.getEndpoint("connectly:sendMessage?recipient=+16045550123");

        CompletableFuture<Object> answer = template.asyncRequestBody(sendMessage, "Your order has shipped.");
        // ---- README: end

        assertThat(answer.get(10, TimeUnit.SECONDS)).isInstanceOf(SendMessageResponse.class)
                .extracting(response -> ((SendMessageResponse) response).getId()).isEqualTo("01HZX4Q7M2K9T3V8B6N1C5D0RA");
        assertThat(server.last().json().at("/recipient/id").asText()).isEqualTo("+16045550123");
        assertThat(Thread.getAllStackTraces().keySet()).map(Thread::getName)
                .noneMatch(name -> name.contains("(" + context.getName() + ")") && name.contains("ProducerTemplate"));
        ReadmeSnippets.assertVerbatimInReadme(ProducerTemplateWithoutHopTest.class, "ProducerTemplate without the hop");
        template.stop();
    }
}
