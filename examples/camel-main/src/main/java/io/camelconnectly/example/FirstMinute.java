package io.camelconnectly.example;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.camelconnectly.example.crm.CrmStandIn;
import io.camelconnectly.simulator.ConnectlySimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seed data so that every flow runs in the first minute with no action from the user: four new orders (one to a number whose delivery fails), one mail, a
 * deal that changes stage and a ticket in the CRM, and two campaign CSV files (one for the published
 * {@code spring_sale}, one for the unpublished {@code draft_campaign}, which ends in the error folder).
 *
 * <p>Only with the embedded parts: a real mailbox or CRM gets nothing from here. On by default with the simulator, off
 * in live mode ({@code example.seed.enabled}).
 */
final class FirstMinute {

    private static final Logger LOG = LoggerFactory.getLogger(FirstMinute.class);

    static final String MAIL_CUSTOMER = "+16045550104";
    static final String[] CAMPAIGN_FILES = { "spring_sale.csv", "draft_campaign.csv" };

    private final DataSource dataSource;
    private final ConnectlySimulator simulator;
    private final GreenMail greenMail;
    private final CrmStandIn crm;
    private final Path campaignInbox;
    private final String mailbox;

    FirstMinute(DataSource dataSource, ConnectlySimulator simulator, GreenMail greenMail, CrmStandIn crm,
                Path campaignInbox, String mailbox) {
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
            if (greenMail != null) {
                seedMail();
            }
            if (crm != null) {
                crm.changeDealStage("D-1", "negotiation");
                crm.openTicket("C-2", "Invoice shows the wrong delivery address");
            }
            seedCampaigns();
            LOG.info("Seeded the first minute: 4 orders, 1 mail, 2 CRM events, {} campaign files", CAMPAIGN_FILES.length);
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

    private void seedMail() {
        if (simulator != null) {
            // a session message needs the customer to have written within 24 hours (until the window-aware send
            // can fall back to a template)
            simulator.customer(MAIL_CUSTOMER).named("Dev Patel").sendsText("Hi! Has my invoice been sent yet?");
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
