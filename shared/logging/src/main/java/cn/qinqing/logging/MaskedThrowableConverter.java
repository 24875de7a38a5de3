package cn.qinqing.logging;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.CoreConstants;

/**
 * Stack traces ({@code %wEx}, {@code %ex}, …) as Spring Boot writes them — on a line of their own, with the packaging
 * data — with {@link PersonalData} masked: an exception's message often quotes the input that caused it.
 */
public class MaskedThrowableConverter extends ExtendedThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return CoreConstants.LINE_SEPARATOR + PersonalData.mask(super.throwableProxyToString(proxy));
    }
}
