package cn.qinqing.language.directory;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A department (部门) joined the city's directory. Who registered it is in the event's metadata ({@code actor}).
 *
 * @param departmentId its slug, e.g. {@code industry-it}; officials' tokens carry it as {@code department_id}
 * @param name its name as people know it, e.g. 工业和信息化局
 * @param parentDepartmentId the department above it, e.g. {@code city} (市委市政府); null only for the top
 */
@Revision("1")
public record DepartmentRegisteredEvent(
        String departmentId, String name, String parentDepartmentId, Instant registeredAt) {}
