package net.weft.daemon.cli;

import picocli.CommandLine.Option;

/** The {@code --http-addr} option shared by every verb that talks to a running daemon. */
public final class HttpAddressOption {

    /** The default control API address. */
    public static final String DEFAULT = "127.0.0.1:6784";
    /** Environment variable naming the control API address. */
    public static final String ENV = "WEFT_HTTP_ADDR";

    @Option(names = "--http-addr", paramLabel = "HOST:PORT",
            description = "Control API of the daemon (default: $" + ENV + " or " + DEFAULT + ").")
    String address;

    /** The address to use: the option, else the environment, else the default. */
    public String address() {
        if (address != null && !address.isBlank()) {
            return address;
        }
        String env = System.getenv(ENV);
        return env != null && !env.isBlank() ? env : DEFAULT;
    }

    /** A client for that address. */
    public ApiClient client() {
        return new ApiClient(address());
    }
}
