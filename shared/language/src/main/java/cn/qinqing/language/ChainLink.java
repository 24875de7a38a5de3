package cn.qinqing.language;

/**
 * A link of the photovoltaic industry chain (产业链环节) that the city builds up, upstream first: industrial silicon
 * (工业硅) → polysilicon (多晶硅) → monocrystalline rods (单晶硅棒) → wafers (硅片) → cells (电池片) → modules (组件).
 * Key projects name the link they add capacity to; the names of the links an enterprise may also hold
 * ({@link IndustryChainPosition}) are the same where both have them.
 */
public enum ChainLink {
    INDUSTRIAL_SILICON,
    POLYSILICON,
    MONOCRYSTALLINE,
    WAFER,
    CELL,
    MODULE
}
