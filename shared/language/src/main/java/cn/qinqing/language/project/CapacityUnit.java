package cn.qinqing.language.project;

/** The unit a key project's capacity is counted in. */
public enum CapacityUnit {
    /** gigawatts a year (cells, modules, wafers counted by power) */
    GW,
    /** megawatts a year */
    MW,
    /** tonnes a year (industrial silicon, polysilicon, rods) */
    TONNES,
    /** million pieces a year (wafers, cells counted by piece) */
    MILLION_PIECES
}
