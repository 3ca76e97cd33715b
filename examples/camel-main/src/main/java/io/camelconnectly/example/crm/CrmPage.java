package io.camelconnectly.example.crm;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;

/** The CRM stand-in's overview page: one table per collection, refreshed every 3 seconds. */
final class CrmPage {

    private CrmPage() {
    }

    static String render(Map<String, Object> collections) {
        StringBuilder html = new StringBuilder(4096).append("""
                <!DOCTYPE html>
                <html><head><meta charset="utf-8"><meta http-equiv="refresh" content="3">
                <title>CRM stand-in</title>
                <style>
                  body { font-family: sans-serif; margin: 1.5em; color: #222; }
                  table { border-collapse: collapse; margin-bottom: 1.5em; }
                  th, td { border: 1px solid #ccc; padding: 4px 10px; text-align: left; }
                  th { background: #eef3f7; }
                </style></head><body>
                <h1>CRM stand-in</h1>
                <p>Deals and tickets post events to the application; WhatsApp replies come back as activities.
                JSON: <a href="/api/contacts">contacts</a>, <a href="/api/deals">deals</a>,
                <a href="/api/tickets">tickets</a>, <a href="/api/activities">activities</a>.</p>
                """);
        collections.forEach((name, rows) -> table(html, name, (List<?>) rows));
        return html.append("</body></html>\n").toString();
    }

    private static void table(StringBuilder html, String name, List<?> rows) {
        html.append("<h2>").append(escape(name)).append(" (").append(rows.size()).append(")</h2>\n");
        if (rows.isEmpty()) {
            return;
        }
        RecordComponent[] columns = rows.get(0).getClass().getRecordComponents();
        html.append("<table id=\"").append(escape(name)).append("\"><tr>");
        for (RecordComponent column : columns) {
            html.append("<th>").append(escape(column.getName())).append("</th>");
        }
        html.append("</tr>\n");
        for (Object row : rows) {
            html.append("<tr>");
            for (RecordComponent column : columns) {
                html.append("<td>").append(escape(String.valueOf(value(column, row)))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static Object value(RecordComponent column, Object row) {
        try {
            return column.getAccessor().invoke(row);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
