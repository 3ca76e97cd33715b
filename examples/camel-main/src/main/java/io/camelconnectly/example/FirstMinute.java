package io.camelconnectly.example;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.camelconnectly.component.connectly.ConnectlyComponent;
import io.camelconnectly.component.connectly.model.GetTemplatesResponse;
import io.camelconnectly.component.connectly.model.MessageTemplate;
import io.camelconnectly.example.crm.CrmStandIn;
import io.camelconnectly.simulator.ConnectlySimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seed data so that every flow runs in the first minute with no action from the user: four new orders (one to a number
 * whose delivery fails), one mail to a customer whose 24-hour window closed long ago, a deal that changes stage and a
 * ticket in the CRM, and two campaign CSV files (one for the published {@code spring_sale}, one for the unpublished
 * {@code draft_campaign}, which ends in the error folder). The simulator's customers answer by themselves
 * ({@code example.simulator.auto-reply}), so the replies come back too.
 *
 * <p>Only with the embedded parts: a real mailbox or CRM gets nothing from here. On by default with the simulator, off
 * in live mode ({@code example.seed.enabled}).
 */
final class FirstMinute {

    private static final Logger LOG = LoggerFactory.getLogger(FirstMinute.class);

    static final String MAIL_CUSTOMER = "+16045550104";
    static final String[] CAMPAIGN_FILES = { "spring_sale.csv", "draft_campaign.csv" };
    /** How long the mail and CRM seeds wait for the example's templates to be approved. */
    private static final Duration TEMPLATES_PATIENCE = Duration.ofSeconds(60);

    private final CamelContext context;
    private final DataSource dataSource;
    private final ConnectlySimulator simulator;
    private final GreenMail greenMail;
    private final CrmStandIn crm;
    private final Path campaignInbox;
    private final String mailbox;

    FirstMinute(CamelContext context, DataSource dataSource, ConnectlySimulator simulator, GreenMail greenMail, CrmStandIn crm,
                Path campaignInbox, String mailbox) {
        this.context = context;
        this.dataSource = dataSource;
        this.simulator = simulator;
        this.greenMail = greenMail;
        this.crm = crm;
        this.campaignInbox = campaignInbox;
        this.mailbox = mailbox;
    }

    void run() {
        try {
            seedOrders();
            seedCampaigns();
            // a real business has its templates approved long before; here templates-setup has just created them
            awaitExampleTemplates();
            if (greenMail != null) {
                seedMail();
            }
            if (crm != null) {
                crm.changeDealStage("D-1", "negotiation");
                crm.openTicket("C-2", "Invoice shows the wrong delivery address");
            }
            LOG.info("Seeded the first minute: 4 orders, {} campaign files, 1 mail, 2 CRM events; the customers answer by themselves",
                    CAMPAIGN_FILES.length);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Seeding the first minute failed: {}", e.toString());
        }
    }

    private void seedOrders() throws SQLException {
        // ids unique per run, so a restart on a file or PostgreSQL database adds new orders
        String batch = LocalDate.now().toString().replace("-", "") + "-" + ThreadLocalRandom.current().nextInt(1000, 10000);
        String[][] orders = {
            { "A-" + batch + "-1", "Ana Souza", "+16045550101" },
            { "A-" + batch + "-2", "Ben Carter", "+16045550102" },
            { "A-" + batch + "-3", "Chloé Martin", "+16045550103" },
            // a number the simulator fails (example.simulator.failing-numbers): the row shows delivery_failed
            { "A-" + batch + "-4", "Dan Unreachable", "+16045550199" },
        };
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO orders (id, customer_name, phone) VALUES (?, ?, ?)")) {
            for (String[] order : orders) {
                insert.setString(1, order[0]);
                insert.setString(2, order[1]);
                insert.setString(3, order[2]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Waits until the templates the email and CRM flows send are approved (the simulator's review delay). */
    private void awaitExampleTemplates() throws InterruptedException {
        long deadline = System.nanoTime() + TEMPLATES_PATIENCE.toNanos();
        try (ProducerTemplate producer = context.createProducerTemplate()) {
            while (System.nanoTime() < deadline) {
                try {
                    GetTemplatesResponse templates = producer.requestBody("connectly:getTemplates", null, GetTemplatesResponse.class);
                    if (ExampleTemplates.NAMES.stream().allMatch(name -> templates.findTemplate(name, "en")
                            .filter(template -> MessageTemplate.STATUS_APPROVED.equals(template.getStatus())).isPresent())) {
                        return;
                    }
                } catch (RuntimeException e) {
                    LOG.debug("Templates not readable yet: {}", e.toString());
                }
                Thread.sleep(250);
            }
        } catch (IOException e) {
            LOG.debug("Closing the producer template failed: {}", e.toString());
        }
        LOG.warn("The example's templates {} are not approved after {} s: the mail and CRM seeds go out anyway",
                ExampleTemplates.NAMES, TEMPLATES_PATIENCE.toSeconds());
    }

    private void seedMail() {
        if (simulator != null) {
            // Dev last wrote two days ago (what the webhook consumer would have recorded then): his window is known
            // closed, so the mail goes out as the fallback template directly, without a refused session message
            String businessNumber = simulator.businessNumbers().iterator().next();
            context.getComponent("connectly", ConnectlyComponent.class).getConversationWindowRepository()
                    .recordCustomerMessage(MAIL_CUSTOMER, businessNumber, Instant.now().minus(Duration.ofDays(2)));
        }
        GreenMailUtil.sendTextEmail(mailbox, "billing@shop.example", MAIL_CUSTOMER + " Your invoice INV-2041",
                "Hello Dev, your invoice INV-2041 for 129.00 EUR is ready; it will be charged on Friday.",
                greenMail.getSmtp().getServerSetup());
    }

    private void seedCampaigns() throws IOException {
        for (String name : CAMPAIGN_FILES) {
            try (InputStream csv = FirstMinute.class.getClassLoader().getResourceAsStream("seed/" + name)) {
                // written under a temporary name, then renamed, so the file consumer never reads half a file
                Path temporary = campaignInbox.resolve("." + name + ".part");
                Files.copy(csv, temporary, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temporary, campaignInbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }
}
