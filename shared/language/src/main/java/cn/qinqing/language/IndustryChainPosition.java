package cn.qinqing.language;

/** An enterprise's place in the photovoltaic industry chain (产业链环节). */
public enum IndustryChainPosition {
    POLYSILICON,
    MONOCRYSTALLINE,
    WAFER,
    CELL,
    MODULE,
    MATERIALS,
    EQUIPMENT,
    OTHER
}
