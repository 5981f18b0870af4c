package com.northwind.warehouse.reservation.cache;

import com.northwind.warehouse.inventory.StockLevel;
import com.northwind.warehouse.inventory.StockLevelRepository;
import com.northwind.warehouse.reservation.UnknownSkuException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

@Component
public class AvailabilityCache {

    private final StockLevelRepository stockLevelRepository;
    private final Duration ttl;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public AvailabilityCache(
            StockLevelRepository stockLevelRepository,
            @Value("${warehouse.availability-cache.ttl}") long ttlSeconds) {
        this.stockLevelRepository = stockLevelRepository;
        this.ttl = Duration.ofSeconds(ttlSeconds);
    }

    public int available(String warehouseId, String sku) {
        String key = warehouseId + ":" + sku;
        Entry entry = entries.get(key);
        if (entry != null && entry.expiresAt().isAfter(Instant.now())) {
            return entry.available();
        }

        StockLevel stock = stockLevelRepository.findByWarehouseIdAndSku(warehouseId, sku)
                .orElseThrow(() -> new UnknownSkuException(warehouseId, sku));
        entries.put(key, new Entry(stock.available(), Instant.now().plus(ttl)));
        return stock.available();
    }

    private record Entry(int available, Instant expiresAt) {
    }
}
