package io.tiercache.backtest.view;

import java.io.Serializable;
import java.util.List;

/** One page of a list: its items, the page number (from 0), the page size and the total number of items. */
public record PageView<T extends Serializable>(List<T> items, int page, int size, long total)
        implements Serializable {

    public PageView {
        items = List.copyOf(items);
    }
}
