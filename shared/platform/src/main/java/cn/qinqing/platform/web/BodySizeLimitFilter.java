package cn.qinqing.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the platform's limit with 413 before anything reads them. Multipart uploads (documents)
 * have their own, larger limit; it is zero, so the general one applies, in a service that stores no documents.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final long maxMultipartBytes;
    private final ObjectMapper mapper;

    public BodySizeLimitFilter(long maxBytes, ObjectMapper mapper) {
        this(maxBytes, 0, mapper);
    }

    public BodySizeLimitFilter(long maxBytes, long maxMultipartBytes, ObjectMapper mapper) {
        this.maxBytes = maxBytes;
        this.maxMultipartBytes = maxMultipartBytes;
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        String contentType = request.getContentType();
        long maxBytes = contentType != null
                        && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")
                ? Math.max(this.maxBytes, maxMultipartBytes)
                : this.maxBytes;
        boolean chunked = length < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        if (length > maxBytes || chunked) {
            Problems.write(
                    mapper,
                    response,
                    Problems.of(
                            chunked ? HttpStatus.LENGTH_REQUIRED : HttpStatus.PAYLOAD_TOO_LARGE,
                            "body-too-large",
                            chunked ? "Content-Length required" : "Request body too large",
                            chunked
                                    ? "Send the request body with a Content-Length."
                                    : "The request body may be at most " + maxBytes + " bytes."));
            return;
        }
        chain.doFilter(request, response);
    }
}
