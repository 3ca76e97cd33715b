package io.camelconnectly.example;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelconnectly.component.connectly.client.ConnectlyValidationException;
import io.camelconnectly.component.connectly.model.CampaignEntry;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A campaign file: {@code <campaign>.csv} (or {@code <campaign>--<anything>.csv}, to send one campaign from several
 * files), a header line naming the columns, one recipient per line. Column {@code phone} is the recipient's WhatsApp
 * number; every other column is a flow variable of that recipient. Lines starting with {@code #} are comments.
 *
 * <pre>
 * phone,name,product
 * +16045550107,Gia Rossi,Trail running shoes
 * </pre>
 */
public final class CampaignCsv {

    static final String PHONE = "phone";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .setCommentMarker('#')
            .get();
    private static final Pattern CAMPAIGN_NAME = Pattern.compile("([A-Za-z0-9_.-]+?)(--[^/]*)?\\.csv", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTRY_FIELD = Pattern.compile("entries\\[(\\d+)]");

    private CampaignCsv() {
    }

    /** {@code spring_sale.csv} and {@code spring_sale--north.csv} are both for campaign {@code spring_sale}. */
    public static String campaignName(String fileName) {
        Matcher matcher = CAMPAIGN_NAME.matcher(fileName);
        if (!matcher.matches()) {
            throw new ConnectlyValidationException("file name", fileName,
                    "name a campaign file <campaign>.csv or <campaign>--<anything>.csv, e.g. spring_sale.csv");
        }
        return matcher.group(1);
    }

    /** The recipients of a campaign file, with the line each came from. */
    public record CampaignFile(String fileName, List<CampaignEntry> entries, List<Long> lines) {

        /**
         * The component names an invalid entry by its index ({@code entries[3].client}, or {@code recipient} when the
         * file has one line); the user knows lines. Other messages are returned as they are.
         */
        public String withLineNumbers(String message) {
            if (message == null) {
                return null;
            }
            if (entries.size() == 1 && message.startsWith("recipient ")) {
                return fileName + " line " + lines.get(0) + " phone " + message.substring("recipient ".length());
            }
            Matcher matcher = ENTRY_FIELD.matcher(message);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                int index = Integer.parseInt(matcher.group(1));
                String line = index < lines.size() ? fileName + " line " + lines.get(index) : matcher.group();
                matcher.appendReplacement(out, Matcher.quoteReplacement(line));
            }
            return matcher.appendTail(out).toString().replace(".client ", " phone ");
        }
    }

    /** One campaign entry per line; the campaign name itself comes from the header CamelConnectlyCampaignName. */
    public static CampaignFile read(Reader csv, String fileName) throws IOException {
        try (CSVParser parser = CSVParser.builder().setReader(csv).setFormat(FORMAT).get()) {
            List<String> columns = parser.getHeaderNames();
            String phoneColumn = columns.stream().filter(c -> c.toLowerCase(Locale.ROOT).equals(PHONE)).findFirst()
                    .orElseThrow(() -> new ConnectlyValidationException(fileName + " header", String.join(",", columns),
                            "the first line names the columns and one of them is 'phone'"));
            List<CampaignEntry> entries = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                String phone = record.isSet(phoneColumn) ? record.get(phoneColumn) : "";
                if (phone.isBlank()) {
                    throw new ConnectlyValidationException(fileName + " line " + line + " phone", phone,
                            "each line needs the recipient's WhatsApp number, e.g. +16045550123");
                }
                Map<String, String> variables = new LinkedHashMap<>();
                for (String column : columns) {
                    if (!column.equals(phoneColumn) && record.isSet(column) && !record.get(column).isEmpty()) {
                        variables.put(column, record.get(column));
                    }
                }
                entries.add(new CampaignEntry().withClient(phone).withVariables(variables.isEmpty() ? null : variables));
                lines.add(line);
            }
            if (entries.isEmpty()) {
                throw new ConnectlyValidationException(fileName, "", "a campaign file needs at least one recipient line");
            }
            return new CampaignFile(fileName, List.copyOf(entries), List.copyOf(lines));
        }
    }
}
