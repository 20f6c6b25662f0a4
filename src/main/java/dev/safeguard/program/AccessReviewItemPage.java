package dev.safeguard.program;

import java.util.List;

/** One page of a campaign's items, in a stable order, with the number of items that pass the filter. */
public record AccessReviewItemPage(List<AccessReviewItem> items, int page, int size, long total) {

    public AccessReviewItemPage {
        items = List.copyOf(items);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
