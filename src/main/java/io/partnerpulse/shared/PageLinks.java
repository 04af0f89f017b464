package io.partnerpulse.shared;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/**
 * Links to other pages of the list a page shows: the address of the current request with only its
 * {@code page} parameter changed, so that search, filters and sort stay as they are. Templates call
 * it as {@code @pageLinks.to(n)} (the pager fragment in layout.html).
 */
@Component("pageLinks")
public class PageLinks {

    /** The current address (path and query, as the browser sent them), showing page {@code page} (0-based) of its list. */
    public String to(long page) {
        UriComponents uri = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", Math.max(0, page)).build();
        return uri.getPath() + (uri.getQuery() == null ? "" : "?" + uri.getQuery());
    }

    /** How many pages a list of {@code total} items has at {@code size} per page (at least one). */
    public long count(long total, int size) {
        return size <= 0 ? 1 : Math.max(1, (total + size - 1) / size);
    }
}
