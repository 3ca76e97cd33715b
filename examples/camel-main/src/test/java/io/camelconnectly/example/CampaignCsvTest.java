package io.camelconnectly.example;

import java.io.StringReader;
import java.util.Map;

import io.camelconnectly.component.connectly.client.ConnectlyValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CampaignCsvTest {

    @Test
    void theFileNameNamesTheCampaign() {
        assertThat(CampaignCsv.campaignName("spring_sale.csv")).isEqualTo("spring_sale");
        assertThat(CampaignCsv.campaignName("spring_sale--north-2026.CSV")).isEqualTo("spring_sale");
        assertThatThrownBy(() -> CampaignCsv.campaignName("spring sale.csv"))
                .isInstanceOf(ConnectlyValidationException.class)
                .hasMessageContaining("'spring sale.csv'").hasMessageContaining("<campaign>.csv");
    }

    @Test
    void eachLineIsARecipientAndOtherColumnsAreFlowVariables() throws Exception {
        CampaignCsv.CampaignFile file = CampaignCsv.read(new StringReader("""
                Phone, name ,product
                # a comment line

                +16045550107,Gia Rossi,"Shoes, trail"
                +16045550108,Hiro,
                """), "spring_sale.csv");

        assertThat(file.entries()).hasSize(2);
        assertThat(file.entries().get(0).getClient()).isEqualTo("+16045550107");
        assertThat(file.entries().get(0).getVariables()).isEqualTo(Map.of("name", "Gia Rossi", "product", "Shoes, trail"));
        assertThat(file.entries().get(1).getVariables()).isEqualTo(Map.of("name", "Hiro"));
        assertThat(file.lines()).containsExactly(4L, 5L);
    }

    @Test
    void badFilesNameTheLineAndWhatIsAllowed() {
        assertThatThrownBy(() -> CampaignCsv.read(new StringReader("name\nGia\n"), "x.csv"))
                .hasMessageContaining("x.csv header 'name' is invalid").hasMessageContaining("'phone'");
        assertThatThrownBy(() -> CampaignCsv.read(new StringReader("phone,name\n+16045550107,Gia\n,Hiro\n"), "x.csv"))
                .hasMessageContaining("x.csv line 3 phone").hasMessageContaining("+16045550123");
        assertThatThrownBy(() -> CampaignCsv.read(new StringReader("phone\n"), "x.csv"))
                .hasMessageContaining("at least one recipient");
    }

    @Test
    void theComponentsEntryIndexIsTranslatedToTheLine() throws Exception {
        CampaignCsv.CampaignFile file = CampaignCsv.read(new StringReader("phone\n+16045550107\n\n12\n"), "x.csv");

        assertThat(file.withLineNumbers("entries[1].client '12' is invalid: expected E.164"))
                .isEqualTo("x.csv line 4 phone '12' is invalid: expected E.164");
        CampaignCsv.CampaignFile single = CampaignCsv.read(new StringReader("phone\n12\n"), "y.csv");
        assertThat(single.withLineNumbers("recipient '12' is invalid: expected E.164"))
                .isEqualTo("y.csv line 2 phone '12' is invalid: expected E.164");
    }
}
