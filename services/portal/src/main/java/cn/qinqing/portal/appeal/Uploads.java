package cn.qinqing.portal.appeal;

import cn.qinqing.portal.service.ApiProblem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.multipart.MultipartFile;

/**
 * Files chosen in a portal form, passed on to the service (appeals, resolution, meetings) as they came (multipart: a JSON part and the files),
 * and its refusals shown beside the form's file field.
 */
public final class Uploads {

    private static final Set<String> REFUSALS = Set.of("document-too-large", "document-type-not-accepted");
    private static final Pattern INDEX = Pattern.compile("files\\[(\\d+)]");

    private Uploads() {}

    /** The files really chosen: a browser sends an empty part for a file field left empty. */
    public static List<MultipartFile> chosen(List<MultipartFile> files) {
        return files == null
                ? List.of()
                : files.stream()
                        .filter(file -> file != null
                                && file.getOriginalFilename() != null
                                && !file.getOriginalFilename().isEmpty())
                        .toList();
    }

    /** A multipart body: the JSON request as part {@code part} and each file as a part {@code files}. */
    public static MultiValueMap<String, Object> multipart(
            String part, Map<String, Object> json, List<MultipartFile> files) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        HttpHeaders jsonHeaders = new HttpHeaders();
        jsonHeaders.setContentType(MediaType.APPLICATION_JSON);
        body.add(part, new HttpEntity<>(json, jsonHeaders));
        for (MultipartFile file : files) {
            HttpHeaders fileHeaders = new HttpHeaders();
            fileHeaders.setContentType(MediaType.APPLICATION_OCTET_STREAM);
            body.add("files", new HttpEntity<>(file.getResource(), fileHeaders));
        }
        return body;
    }

    /**
     * A refused file beside the form's {@code files} field, in the user's language and named as the user chose it (the
     * service names the field, {@code files[2]}); false for any other problem.
     *
     * @return whether the problem was about the files
     */
    public static boolean refused(ApiProblem problem, BindingResult binding, List<MultipartFile> files) {
        if (!REFUSALS.contains(problem.code())) {
            return false;
        }
        List<MultipartFile> chosen = chosen(files);
        String name = "";
        if (!problem.errors().isEmpty()) {
            Matcher index = INDEX.matcher(problem.errors().get(0).field());
            if (index.matches() && Integer.parseInt(index.group(1)) < chosen.size()) {
                name = chosen.get(Integer.parseInt(index.group(1))).getOriginalFilename();
            }
        }
        // without a file's index the limit of the whole appeal was reached
        String code = "documents.error." + problem.code() + (name.isEmpty() ? ".total" : "");
        binding.rejectValue("files", code, new Object[] {name}, problem.detail());
        return true;
    }
}
