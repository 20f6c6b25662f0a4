package dev.safeguard.identity;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The session cookie: {@code __Host-} prefixed (so it is Secure, host-only and path {@code /}), HttpOnly and
 * SameSite=Strict. It carries only the random session id; the server keeps everything else.
 */
public final class SessionCookies {

    public static final String NAME = "__Host-sg_session";

    private SessionCookies() {
    }

    public static void write(HttpServletResponse response, SessionTicket ticket) {
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(NAME, ticket.token())
                .secure(true).httpOnly(true).sameSite("Strict").path("/").build().toString());
    }

    public static void clear(HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(NAME, "")
                .secure(true).httpOnly(true).sameSite("Strict").path("/").maxAge(0).build().toString());
    }

    public static String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
