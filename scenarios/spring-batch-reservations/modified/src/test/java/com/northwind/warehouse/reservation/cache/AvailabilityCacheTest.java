package com.northwind.warehouse.reservation.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.northwind.warehouse.inventory.StockLevel;
import com.northwind.warehouse.inventory.StockLevelRepository;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AvailabilityCacheTest {

    private final StockLevelRepository repository = mock(StockLevelRepository.class);

    @Test
    void servesRepeatedReadsFromMemory() {
        when(repository.findByWarehouseIdAndSku("WH-1", "SKU-100"))
                .thenReturn(Optional.of(new StockLevel("WH-1", "SKU-100", 10, 4)));
        AvailabilityCache cache = new AvailabilityCache(repository, 5);

        assertThat(cache.available("WH-1", "SKU-100")).isEqualTo(6);
        assertThat(cache.available("WH-1", "SKU-100")).isEqualTo(6);

        verify(repository, times(1)).findByWarehouseIdAndSku("WH-1", "SKU-100");
    }

    @Test
    void reloadsAfterTheEntryExpires() throws InterruptedException {
        when(repository.findByWarehouseIdAndSku("WH-1", "SKU-100"))
                .thenReturn(Optional.of(new StockLevel("WH-1", "SKU-100", 10, 4)));
        AvailabilityCache cache = new AvailabilityCache(repository, 1);

        cache.available("WH-1", "SKU-100");
        Thread.sleep(1100);
        cache.available("WH-1", "SKU-100");

        verify(repository, times(2)).findByWarehouseIdAndSku("WH-1", "SKU-100");
    }
}
