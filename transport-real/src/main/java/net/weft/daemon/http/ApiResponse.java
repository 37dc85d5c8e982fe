package net.weft.daemon.http;

/** An HTTP response: status code, content type and body text. */
public record ApiResponse(int status, String contentType, String body) {

    /** Plain text. */
    public static final String TEXT = "text/plain; charset=utf-8";
    /** JSON. */
    public static final String JSON = "application/json";

    /** 200 with a text body. */
    public static ApiResponse ok(String body) {
        return new ApiResponse(200, TEXT, body);
    }

    /** A text error; the body ends with a newline as Go's {@code http.Error} does. */
    public static ApiResponse error(int status, String message) {
        return new ApiResponse(status, TEXT, message.endsWith("\n") ? message : message + "\n");
    }
}
