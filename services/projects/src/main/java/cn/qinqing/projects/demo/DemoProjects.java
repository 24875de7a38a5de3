package cn.qinqing.projects.demo;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.ChainLink;
import cn.qinqing.language.Ids;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.project.Capacity;
import cn.qinqing.language.project.CapacityUnit;
import cn.qinqing.language.project.Milestone;
import cn.qinqing.platform.eventstore.AggregateStreams;
import cn.qinqing.projects.project.command.MilestoneDate;
import cn.qinqing.projects.project.command.NoteProgressCommand;
import cn.qinqing.projects.project.command.RaiseBlockerCommand;
import cn.qinqing.projects.project.command.RegisterKeyProjectCommand;
import cn.qinqing.projects.project.command.Requester;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * The local profile's demo key projects, telling the seed's story along the chain: enterprise B's polysilicon plant,
 * signed a little over a year before the first start and commissioned (达产) at "Baotou speed"; and enterprise A's
 * wafer plant, under construction, whose equipment is overdue because the power connection is stuck — a blocker
 * raised on it, which becomes an appeal with the vice-mayor ({@code leader}) in charge; and downstream a module line,
 * just signed. Dates are relative to the first start; registered once (a second start finds them registered).
 */
@Component
@Profile("local")
class DemoProjects {

    static final UUID POLYSILICON = Ids.derive("demo-project", "polysilicon-100kt");
    static final UUID WAFER = Ids.derive("demo-project", "wafer-20gw");
    static final UUID WAFER_BLOCKER = Ids.derive("demo-project-blocker", "wafer-20gw-power");
    static final String ENTERPRISE_A = "91150200MA0QA0001T";
    static final String ENTERPRISE_B = "91150200MA0QB0002M";
    static final UUID MODULE = Ids.derive("demo-project", "module-10gw");
    /** The module line the appeals service registers in its demo (no demo user of its own). */
    static final String MODULE_MAKER = "91150200MA0QF00061";

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final Logger log = LoggerFactory.getLogger(DemoProjects.class);

    private final CommandGateway commands;
    private final AggregateStreams streams;

    DemoProjects(CommandGateway commands, AggregateStreams streams) {
        this.commands = commands;
        this.streams = streams;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        registerStory();
        registerModuleLine();
    }

    /**
     * The module line, just signed: the chain view's downstream column has a project too. Registered on its own, so
     * that a platform started before it was added gets it as well.
     */
    private void registerModuleLine() {
        LocalDate today = LocalDate.now(CITY);
        LocalDate signed = today.minusDays(20);
        RegisterKeyProjectCommand moduleLine = new RegisterKeyProjectCommand(
                MODULE,
                Requester.system("projects"),
                "10GW高效光伏组件项目 (10 GW high-efficiency modules)",
                List.of(MODULE_MAKER),
                ChainLink.MODULE,
                new BigDecimal("1800000000"),
                new Capacity(new BigDecimal("10"), CapacityUnit.GW),
                "包头昆都仑区金属深加工园区 (Kundulun metal processing park)",
                "leader",
                "industry-it",
                signed,
                List.of(
                        new MilestoneDate(Milestone.LAND_AND_PERMITS, signed.plusDays(40), null),
                        new MilestoneDate(Milestone.CONSTRUCTION_STARTED, signed.plusDays(60), null),
                        new MilestoneDate(Milestone.EQUIPMENT_INSTALLED, signed.plusDays(180), null),
                        new MilestoneDate(Milestone.TRIAL_PRODUCTION, signed.plusDays(220), null),
                        new MilestoneDate(Milestone.COMMISSIONED, signed.plusDays(270), null)),
                today,
                Instant.now());
        if (streams.createIfAbsent(commands, moduleLine)) {
            log.info("Registered the demo key project {} (module line, signed)", MODULE);
        }
    }

    /** Enterprise B's plant, signed 400 days ago and producing: the story's first project. */
    private static RegisterKeyProjectCommand polysiliconPlant(LocalDate today, Requester system) {
        LocalDate signed = today.minusDays(400);
        return new RegisterKeyProjectCommand(
                POLYSILICON,
                system,
                "年产10万吨高纯多晶硅项目 (100 000 t/a high-purity polysilicon)",
                List.of(ENTERPRISE_B),
                ChainLink.POLYSILICON,
                new BigDecimal("8500000000"),
                new Capacity(new BigDecimal("100000"), CapacityUnit.TONNES),
                "包头稀土高新区希望工业园 (Xiwang industrial park)",
                "leader",
                "industry-it",
                signed,
                List.of(
                        new MilestoneDate(Milestone.LAND_AND_PERMITS, signed.plusDays(30), signed.plusDays(24)),
                        new MilestoneDate(Milestone.CONSTRUCTION_STARTED, signed.plusDays(45), signed.plusDays(38)),
                        new MilestoneDate(Milestone.EQUIPMENT_INSTALLED, signed.plusDays(200), signed.plusDays(196)),
                        new MilestoneDate(Milestone.TRIAL_PRODUCTION, signed.plusDays(260), signed.plusDays(262)),
                        new MilestoneDate(Milestone.COMMISSIONED, signed.plusDays(330), signed.plusDays(318))),
                today,
                Instant.now());
    }

    private void registerStory() {
        LocalDate today = LocalDate.now(CITY);
        Requester system = Requester.system("projects");
        if (!streams.createIfAbsent(commands, polysiliconPlant(today, system))) {
            return; // registered by an earlier start
        }
        LocalDate signed = today.minusDays(150);
        commands.sendAndWait(new RegisterKeyProjectCommand(
                WAFER,
                system,
                "20GW大尺寸单晶硅片项目 (20 GW large-format wafers)",
                List.of(ENTERPRISE_A),
                ChainLink.WAFER,
                new BigDecimal("4200000000"),
                new Capacity(new BigDecimal("20"), CapacityUnit.GW),
                "包头青山装备制造产业园 (Qingshan equipment park)",
                "leader",
                "industry-it",
                signed,
                List.of(
                        new MilestoneDate(Milestone.LAND_AND_PERMITS, signed.plusDays(30), signed.plusDays(21)),
                        new MilestoneDate(Milestone.CONSTRUCTION_STARTED, signed.plusDays(50), signed.plusDays(47)),
                        new MilestoneDate(Milestone.EQUIPMENT_INSTALLED, today.minusDays(10), null),
                        new MilestoneDate(Milestone.TRIAL_PRODUCTION, today.plusDays(40), null),
                        new MilestoneDate(Milestone.COMMISSIONED, today.plusDays(120), null)),
                today,
                Instant.now()));
        commands.sendAndWait(new NoteProgressCommand(
                WAFER,
                system,
                "切片设备 60% 到场；车间用电需增容 110 千伏接入，供电方案未批。"
                        + " (60% of the slicing equipment on site; the 110 kV power connection is not approved.)",
                Instant.now()));
        commands.sendAndWait(new RaiseBlockerCommand(
                WAFER,
                WAFER_BLOCKER,
                system,
                ENTERPRISE_A,
                "切片车间110千伏增容接入未批 (110 kV connection for the slicing hall not approved)",
                "新建切片车间需增容 110 千伏接入，供电方案报送已两个月未批，设备安装因此延误。"
                        + " (The slicing hall needs a 110 kV connection; the supply plan has waited two months and"
                        + " equipment installation is late.)",
                AppealCategory.POWER,
                Urgency.URGENT,
                Instant.now()));
        log.info("Registered the demo key projects {} (commissioned) and {} (blocked)", POLYSILICON, WAFER);
    }
}
