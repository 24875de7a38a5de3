package cn.qinqing.projects.demo;

import cn.qinqing.language.ChainLink;
import cn.qinqing.language.Ids;
import cn.qinqing.language.Role;
import cn.qinqing.language.market.MatchOutcome;
import cn.qinqing.language.market.NeedType;
import cn.qinqing.language.market.PostKind;
import cn.qinqing.language.market.ScorePart;
import cn.qinqing.language.project.Capacity;
import cn.qinqing.language.project.CapacityUnit;
import cn.qinqing.platform.eventstore.AggregateStreams;
import cn.qinqing.projects.market.command.ClosePostCommand;
import cn.qinqing.projects.market.command.ConsentToMatchCommand;
import cn.qinqing.projects.market.command.DraftPostCommand;
import cn.qinqing.projects.market.command.Match;
import cn.qinqing.projects.market.command.ProposeMatchCommand;
import cn.qinqing.projects.market.command.PublishPostCommand;
import cn.qinqing.projects.market.command.RecordMatchOutcomeCommand;
import cn.qinqing.projects.market.command.Requester;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The local profile's demo market, continuing the projects' story along the chain: enterprise A's wafer plant needs
 * polysilicon; enterprise B's commissioned polysilicon plant offers it; the dispatcher matched them, both consented,
 * they were introduced and signed a contract (1.86 亿元), and A closed its need. B's offer stays open, and so does A's
 * search for buyers of its wafers. Posted once (a second start finds them posted).
 */
@Component
@Profile("local")
class DemoMarket {

    static final UUID POLYSILICON_NEED = Ids.derive("demo-market", "wafer-needs-polysilicon");
    static final UUID POLYSILICON_OFFER = Ids.derive("demo-market", "polysilicon-offer");
    static final UUID WAFER_BUYERS = Ids.derive("demo-market", "wafer-needs-buyers");
    private static final Logger log = LoggerFactory.getLogger(DemoMarket.class);

    private final CommandGateway commands;
    private final AggregateStreams streams;

    DemoMarket(CommandGateway commands, AggregateStreams streams) {
        this.commands = commands;
        this.streams = streams;
    }

    @EventListener(ApplicationReadyEvent.class)
    void post() {
        Requester userA = new Requester("enterprise-a", Role.ENTERPRISE, DemoProjects.ENTERPRISE_A, null);
        Requester userB = new Requester("enterprise-b", Role.ENTERPRISE, DemoProjects.ENTERPRISE_B, null);
        Requester system = Requester.system("projects");
        DraftPostCommand need = new DraftPostCommand(
                POLYSILICON_NEED,
                userA,
                DemoProjects.ENTERPRISE_A,
                PostKind.NEED,
                NeedType.SUPPLY,
                "N型致密料多晶硅 (N-type dense polysilicon)",
                ChainLink.POLYSILICON,
                new Capacity(new BigDecimal("3000"), CapacityUnit.TONNES),
                "2027年一季度起每月250吨，送到青山厂区 (250 t a month from Q1 2027, delivered)",
                "20GW 硅片项目投产后的硅料需求。 (Feedstock for the 20 GW wafer plant.)",
                Instant.now());
        if (!streams.createIfAbsent(commands, need)) {
            return; // posted by an earlier start
        }
        commands.sendAndWait(new PublishPostCommand(POLYSILICON_NEED, userA, Instant.now()));
        commands.sendAndWait(new DraftPostCommand(
                POLYSILICON_OFFER,
                userB,
                DemoProjects.ENTERPRISE_B,
                PostKind.OFFER,
                null,
                "高纯多晶硅 N型致密料 (high-purity N-type dense polysilicon)",
                ChainLink.POLYSILICON,
                new Capacity(new BigDecimal("40000"), CapacityUnit.TONNES),
                "长协优先，厂区自提或送货 (long-term contracts first; collected or delivered)",
                "10万吨项目达产后可供本地的余量。 (What the 100 000 t plant can supply locally.)",
                Instant.now()));
        commands.sendAndWait(new PublishPostCommand(POLYSILICON_OFFER, userB, Instant.now()));
        UUID match = Match.idFor(POLYSILICON_NEED, POLYSILICON_OFFER);
        commands.sendAndWait(new ProposeMatchCommand(
                match,
                system,
                "industry-it",
                POLYSILICON_NEED,
                POLYSILICON_OFFER,
                DemoProjects.ENTERPRISE_A,
                DemoProjects.ENTERPRISE_B,
                ChainLink.POLYSILICON,
                List.of(
                        new ScorePart("CHAIN_LINK", 50, "same link: POLYSILICON"),
                        new ScorePart(
                                "PRODUCT",
                                27,
                                "product words in common: 型致 致密 密料 多晶 晶硅 type dense polysilicon (8 of 9)"),
                        new ScorePart("QUANTITY", 20, "capacity 40000 TONNES covers 3000 TONNES")),
                Instant.now()));
        commands.sendAndWait(new ConsentToMatchCommand(match, userB, Instant.now()));
        commands.sendAndWait(new ConsentToMatchCommand(match, userA, Instant.now()));
        commands.sendAndWait(new RecordMatchOutcomeCommand(
                match,
                system,
                "industry-it",
                MatchOutcome.CONTRACT_SIGNED,
                new BigDecimal("186000000"),
                null,
                Instant.now()));
        commands.sendAndWait(new ClosePostCommand(
                POLYSILICON_NEED, userA, "已与本地多晶硅企业签约 (signed with a local producer)", Instant.now()));
        commands.sendAndWait(new DraftPostCommand(
                WAFER_BUYERS,
                userA,
                DemoProjects.ENTERPRISE_A,
                PostKind.NEED,
                NeedType.BUYER,
                "210mm N型单晶硅片 (210 mm N-type wafers)",
                ChainLink.WAFER,
                new Capacity(new BigDecimal("5"), CapacityUnit.GW),
                "2027年起年供 5GW (5 GW a year from 2027)",
                "寻找本地电池片企业作为长期买家。 (Looking for local cell makers as long-term buyers.)",
                Instant.now()));
        commands.sendAndWait(new PublishPostCommand(WAFER_BUYERS, userA, Instant.now()));
        log.info(
                "Posted the demo market: need {} matched and signed; {} and {} open",
                POLYSILICON_NEED,
                POLYSILICON_OFFER,
                WAFER_BUYERS);
    }
}
