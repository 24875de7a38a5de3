package cn.qinqing.language.enterprise;

/** Who the city calls about an enterprise's appeals. Personal data: never logged. */
public record Contact(String name, String phone, String email) {
    @Override
    public String toString() {
        return "Contact[name=" + name + ", phone=***, email=***]";
    }
}
