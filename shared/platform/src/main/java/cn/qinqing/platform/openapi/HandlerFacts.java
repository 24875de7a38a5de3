package cn.qinqing.platform.openapi;

import cn.qinqing.platform.idempotency.IdempotentCreates;
import cn.qinqing.platform.web.FreshReads;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;

/**
 * What a handler method answers, read from its bytecode and from the Qinqing code it calls: the success statuses it
 * builds ({@code ResponseEntity.created(…)} is a 201 with a {@code Location}), whether it sets an {@code ETag}, whether
 * it demands {@code If-Match} ({@code ETags.version}), whether a rate limit may refuse it, and which of the platform's
 * own response headers it sets. Reading the code keeps the OpenAPI document true when a controller changes, without an
 * annotation that could drift from what the method does.
 */
record HandlerFacts(
        Set<Integer> successStatuses,
        boolean location,
        boolean etag,
        boolean ifMatchRequired,
        boolean rateLimited,
        Set<String> headers) {

    /** Response headers of the platform that a handler may set by name. */
    static final Set<String> KNOWN_HEADERS = Set.of(FreshReads.HEADER, IdempotentCreates.REPLAYED);

    private static final String RESPONSE_ENTITY = "org/springframework/http/ResponseEntity";
    private static final String HTTP_STATUS = "org/springframework/http/HttpStatus";
    private static final String OURS = "cn/qinqing/";
    private static final int MAX_METHODS = 400;

    static HandlerFacts of(Method handler) {
        Scan scan = new Scan();
        scan.follow(
                Type.getInternalName(handler.getDeclaringClass()),
                handler.getName(),
                Type.getMethodDescriptor(handler),
                handler.getDeclaringClass().getClassLoader());
        return scan.facts();
    }

    /** Walks the handler and, transitively, every method of Qinqing's own classes that it calls. */
    private static final class Scan {

        private final Map<String, Map<String, Body>> classes = new HashMap<>();
        private final Set<String> visited = new HashSet<>();
        private final Set<Integer> statuses = new TreeSet<>();
        private final Set<String> headers = new TreeSet<>();
        private boolean location;
        private boolean etag;
        private boolean ifMatch;
        private boolean rateLimited;

        void follow(String owner, String name, String descriptor, ClassLoader loader) {
            Deque<String[]> queue = new ArrayDeque<>();
            queue.add(new String[] {owner, name, descriptor});
            while (!queue.isEmpty() && visited.size() < MAX_METHODS) {
                String[] next = queue.poll();
                if (!visited.add(next[0] + '.' + next[1] + next[2])) {
                    continue;
                }
                Body body = methods(next[0], loader).get(next[1] + next[2]);
                if (body == null) {
                    continue; // an interface or abstract method: its implementations are not ours to guess
                }
                for (String call : body.calls) {
                    note(call);
                    String[] parts = call.split(" ", 3);
                    if (parts[0].startsWith(OURS)) {
                        queue.add(parts);
                    }
                }
                body.fields.forEach(this::noteField);
                body.strings.stream().filter(KNOWN_HEADERS::contains).forEach(headers::add);
            }
        }

        private void note(String call) {
            String[] parts = call.split(" ", 3);
            String owner = parts[0];
            String name = parts[1];
            if (owner.equals(RESPONSE_ENTITY)) {
                switch (name) {
                    case "ok" -> statuses.add(200);
                    case "created" -> {
                        statuses.add(201);
                        location = true;
                    }
                    case "accepted" -> statuses.add(202);
                    case "noContent" -> statuses.add(204);
                    default -> {}
                }
            } else if (owner.startsWith(RESPONSE_ENTITY + "$")) {
                if (name.equals("eTag")) {
                    etag = true;
                } else if (name.equals("location")) {
                    location = true;
                }
            } else if (owner.equals("cn/qinqing/platform/web/ETags") && name.equals("version")) {
                ifMatch = true;
            } else if (owner.equals("cn/qinqing/platform/ratelimit/RateLimiter")) {
                rateLimited = true;
            }
        }

        private void noteField(String field) {
            switch (field) {
                case HTTP_STATUS + " OK" -> statuses.add(200);
                case HTTP_STATUS + " CREATED" -> statuses.add(201);
                case HTTP_STATUS + " ACCEPTED" -> statuses.add(202);
                case HTTP_STATUS + " NO_CONTENT" -> statuses.add(204);
                default -> {}
            }
        }

        HandlerFacts facts() {
            return new HandlerFacts(Set.copyOf(statuses), location, etag, ifMatch, rateLimited, Set.copyOf(headers));
        }

        private Map<String, Body> methods(String owner, ClassLoader loader) {
            return classes.computeIfAbsent(owner, o -> read(o, loader));
        }

        private static Map<String, Body> read(String owner, ClassLoader loader) {
            Map<String, Body> methods = new HashMap<>();
            ClassLoader classes = loader != null ? loader : ClassLoader.getSystemClassLoader();
            try (InputStream in = classes.getResourceAsStream(owner + ".class")) {
                if (in == null) {
                    return methods;
                }
                new ClassReader(in)
                        .accept(
                                new ClassVisitor(Opcodes.ASM9) {
                                    @Override
                                    public MethodVisitor visitMethod(
                                            int access, String name, String descriptor, String signature, String[] ex) {
                                        Body body = new Body();
                                        methods.put(name + descriptor, body);
                                        return body.visitor();
                                    }
                                },
                                ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            } catch (IOException e) {
                // unreadable bytecode: the document keeps what springdoc found on its own
            }
            return methods;
        }
    }

    /** The calls, static fields and string constants of one method body. */
    private static final class Body {
        final Set<String> calls = new HashSet<>();
        final Set<String> fields = new HashSet<>();
        final Set<String> strings = new HashSet<>();

        MethodVisitor visitor() {
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitMethodInsn(
                        int opcode, String owner, String name, String descriptor, boolean isInterface) {
                    calls.add(owner + ' ' + name + ' ' + descriptor);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                    if (opcode == Opcodes.GETSTATIC) {
                        fields.add(owner + ' ' + name);
                    }
                }

                @Override
                public void visitLdcInsn(Object value) {
                    if (value instanceof String text) {
                        strings.add(text);
                    }
                }

                @Override
                public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... args) {
                    // lambdas and method references: their bodies are methods too
                    for (Object arg : args) {
                        if (arg instanceof Handle handle) {
                            calls.add(handle.getOwner() + ' ' + handle.getName() + ' ' + handle.getDesc());
                        }
                    }
                }
            };
        }
    }
}
