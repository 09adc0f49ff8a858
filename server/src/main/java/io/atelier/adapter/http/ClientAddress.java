package io.atelier.adapter.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Who a request comes from, for the limits per address (LM4, LM7, LM9): the socket's remote
 * address, or, behind {@code trustedProxies} reverse proxies, the address the outermost of them
 * saw. Behind a proxy every request comes from the proxy's address, so without this setting every
 * person would share one address and one allowance.
 *
 * <p>Each proxy appends the address it received the request from to {@code X-Forwarded-For}, so the
 * entries a proxy of ours wrote are the last ones, and the one the outermost proxy wrote is the
 * {@code trustedProxies}-th from the end. Whatever stands before it was sent by the client itself
 * and proves nothing: taking the first entry would let anyone choose their address, and with it a
 * new allowance for every request.
 *
 * <p>IPv6 addresses count by their /64 network: one home or phone gets a whole /64 and can pick any
 * address in it.
 */
final class ClientAddress {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

  private final int trustedProxies;

  ClientAddress(int trustedProxies) {
    this.trustedProxies = trustedProxies;
  }

  /** The key the limits count under. */
  String of(HttpServerRequest request) {
    SocketAddress remote = request.remoteAddress();
    String direct = remote == null ? "unknown" : remote.hostAddress();
    return of(direct, request.headers().getAll("X-Forwarded-For"));
  }

  String of(String remoteAddress, List<String> forwardedFor) {
    String chosen = remoteAddress;
    if (trustedProxies > 0) {
      List<String> hops =
          forwardedFor.stream()
              .flatMap(header -> List.of(header.split(",")).stream())
              .map(String::strip)
              .filter(hop -> !hop.isEmpty())
              .toList();
      if (!hops.isEmpty()) {
        // Fewer entries than proxies: the client reached an inner proxy directly; its first
        // entry is then the closest thing to the client that a proxy of ours wrote.
        chosen = hops.get(Math.max(0, hops.size() - trustedProxies));
      }
    }
    return key(chosen);
  }

  /** An IPv4 address as is, an IPv6 one as its /64; anything else (a bad header) as written. */
  static String key(String address) {
    String text = address.strip();
    if (text.startsWith("[") && text.endsWith("]")) {
      text = text.substring(1, text.length() - 1);
    }
    if (IPV4.matcher(text).matches()) {
      return text;
    }
    if (text.contains(":") && IPV6.matcher(text).matches()) {
      try {
        // A literal: InetAddress parses it without any name lookup.
        InetAddress parsed = InetAddress.getByName(text);
        if (parsed instanceof Inet6Address) {
          byte[] bytes = parsed.getAddress();
          StringBuilder prefix = new StringBuilder();
          for (int i = 0; i < 8; i += 2) {
            prefix.append(
                String.format(
                    Locale.ROOT, "%x:", ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)));
          }
          return prefix.append(":/64").toString();
        }
        return parsed.getHostAddress(); // an IPv4-mapped IPv6 address is the IPv4 address
      } catch (UnknownHostException e) {
        return text;
      }
    }
    return text.toLowerCase(Locale.ROOT);
  }
}
