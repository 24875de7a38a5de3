package cn.qinqing.appeals.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.appeals.AppealsApiTestBase;
import cn.qinqing.language.UnifiedSocialCreditCode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnterprisesApiIT extends AppealsApiTestBase {

    @Test
    void anInvalidCreditCodeIsRefusedWithTheReason() {
        long before = eventCount();
        var response = api.post("/api/appeals/enterprises")
                .token(admin)
                .body(enterprise("91150200MA0QA0001X", "校验位错误"))
                .send();

        assertThat(response.status()).isEqualTo(400);
        var error = response.json().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("uscc");
        assertThat(error.get("message").asText()).contains("check character");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void registeringTheSameEnterpriseTwiceIsAConflict() {
        var again = api.post("/api/appeals/enterprises")
                .token(admin)
                .body(enterprise(ENTERPRISE_A, "再次注册"))
                .send();
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void aThousandConcurrentRegistrationsOfOneEnterpriseRegisterItOnce() {
        String first17 = "91150200MA0QR" + String.format("%04d", (int) (System.nanoTime() % 10_000));
        String uscc = first17 + UnifiedSocialCreditCode.checkCharacter(first17);

        var answers = api.post("/api/appeals/enterprises")
                .token(admin)
                .body(enterprise(uscc, "并发注册企业"))
                .sendConcurrently(1_000);

        assertThat(answers.stream().filter(answer -> answer.status() == 201)).hasSize(1);
        assertThat(answers.stream().filter(answer -> answer.status() != 201))
                .allSatisfy(answer ->
                        assertThat(answer.status()).as(answer.toString()).isEqualTo(409));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                        Long.class,
                        uscc))
                .isEqualTo(1);
    }

    @Test
    void anEnterpriseUserRegistersOnlyItsOwnEnterprise() {
        var response = api.post("/api/appeals/enterprises")
                .token(userA)
                .body(enterprise("91150200MA0QC0003G", "别人的企业"))
                .send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("uscc");
    }

    @Test
    void anEnterpriseSeesItsOwnRegistrationButNotAnothers() {
        var own =
                api.get("/api/appeals/enterprises/" + ENTERPRISE_A).token(userA).send();
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("name").asText()).isNotBlank();
        assertThat(api.get("/api/appeals/enterprises/" + ENTERPRISE_B)
                        .token(userA)
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/appeals/enterprises").token(userA).send().status())
                .isEqualTo(403);
    }

    @Test
    void aContactWithoutAPhoneNumberIsRefused() {
        Map<String, Object> body = enterprise("91150200MA0QC0003G", "缺电话");
        body.put("contact", Map.of("name", "赵经理", "phone", "call me"));
        var response =
                api.post("/api/appeals/enterprises").token(admin).body(body).send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("contact.phone");
    }
}
