package cn.qinqing.language.project;

/**
 * The milestones of a key project, in the order it passes them: signed (签约) → land and permits (土地及审批手续) →
 * construction started (开工) → equipment installed (设备安装) → trial production (试生产) → commissioned (达产).
 */
public enum Milestone {
    SIGNED,
    LAND_AND_PERMITS,
    CONSTRUCTION_STARTED,
    EQUIPMENT_INSTALLED,
    TRIAL_PRODUCTION,
    COMMISSIONED
}
