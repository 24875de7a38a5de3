package cn.qinqing.language.project;

import java.math.BigDecimal;

/** The capacity a key project adds once commissioned (设计产能), e.g. 20 GW or 100 000 tonnes a year. */
public record Capacity(BigDecimal amount, CapacityUnit unit) {}
