package io.camelconnectly.example;

import java.io.Reader;

import io.camelconnectly.component.connectly.ConnectlyConstants;
import io.camelconnectly.component.connectly.client.ConnectlyCampaignNotPublishedException;
import io.camelconnectly.component.connectly.model.CampaignSendoutResponse;
import io.camelconnectly.component.connectly.model.CampaignSendoutResult;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The campaign flow, in Java DSL: a CSV of recipients and flow variables dropped into {@code <campaign dir>/inbox}
 * triggers a campaign sendout ({@code kamelet:connectly-sink?operation=sendCampaign}) and moves to {@code done/}; a
 * file that fails (an unpublished campaign, a bad number, a bad file) moves to {@code error/} with one log line that
 * says why.
 */
public class CampaignRoutes extends RouteBuilder {

    static final String CAMPAIGN_FILE = "campaignFile";
    /** The step that logs an unpublished campaign (a processor id, so tests and Hawtio can see it ran). */
    static final String NOT_PUBLISHED_LOG = "campaign-not-published-log";
    private static final Logger LOG = LoggerFactory.getLogger(CampaignRoutes.class);

    @Override
    public void configure() {
        // a file that cannot be read or sent: logged, not handled, so the file consumer moves it to error/
        onException(Exception.class)
                .logExhausted(false)
                .process(CampaignRoutes::logFailure);

        from("file:{{example.campaign.dir}}/inbox?include=.*\\.csv&charset=UTF-8"
             + "&move=../done/${date:now:yyyyMMdd-HHmmss}-${file:name}&moveFailed=../error/${file:name}")
                .routeId("campaign-csv")
                .description("A CSV of recipients dropped into the campaign folder triggers a campaign sendout")
                .setHeader(ConnectlyConstants.CAMPAIGN_NAME, method(CampaignCsv.class, "campaignName(${header.CamelFileName})"))
                .process(exchange -> {
                    CampaignCsv.CampaignFile file = CampaignCsv.read(exchange.getMessage().getBody(Reader.class),
                            exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class));
                    exchange.setProperty(CAMPAIGN_FILE, file);
                    exchange.getMessage().setBody(file.entries());
                })
                // one request per file; the component checks every number before anything is sent. Its answer, a
                // refusal too, arrives on the HTTP client's I/O thread: the file is moved from a worker thread instead
                .doTry()
                    .to("kamelet:connectly-sink?operation=sendCampaign")
                .doCatch(Exception.class)
                    .threads().executorService("blockingWork")
                    .choice()
                        .when(simple("${exception} is '" + ConnectlyCampaignNotPublishedException.class.getName() + "'"))
                            .log(LoggingLevel.ERROR, "Campaign file ${header.CamelFileName} moved to error/: campaign "
                                                     + "${header.CamelConnectlyCampaignName} is not published (HTTP 409). "
                                                     + "Publish it in Connectly's Flow Builder, then drop the file again. "
                                                     + "${exception.message}")
                            .id(NOT_PUBLISHED_LOG)
                        .otherwise()
                            .process(CampaignRoutes::logFailure)
                    .end()
                    .process(CampaignRoutes::failed)
                .end()
                .threads().executorService("blockingWork")
                .process(CampaignRoutes::logResult);
    }

    /** Leaves the exchange failed, so that the file consumer moves the file to error/. */
    private static void failed(Exchange exchange) {
        exchange.setException(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
    }

    private static void logResult(Exchange exchange) {
        CampaignSendoutResponse response = exchange.getMessage().getBody(CampaignSendoutResponse.class);
        String file = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        if (response.getData() == null) {
            throw new IllegalStateException("Connectly answered the sendout without data[]: nothing was accepted");
        }
        for (CampaignSendoutResult result : response.getData()) {
            // a refused entry (e.g. a customer who already got this campaign) is counted, not an HTTP error
            LOG.info("Campaign {} sent from {}: {} accepted, {} rejected{}", result.getCampaignName(), file,
                    result.getAcceptedCount(), result.getRejectedCount(),
                    result.getError() == null ? "" : " (" + result.getError().getCode() + ": " + result.getError().getMessage() + ")");
        }
    }

    private static void logFailure(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        CampaignCsv.CampaignFile file = exchange.getProperty(CAMPAIGN_FILE, CampaignCsv.CampaignFile.class);
        String why = file == null ? failure.getMessage() : file.withLineNumbers(failure.getMessage());
        LOG.error("Campaign file {} moved to error/: {}", exchange.getMessage().getHeader(Exchange.FILE_NAME), why);
    }
}
