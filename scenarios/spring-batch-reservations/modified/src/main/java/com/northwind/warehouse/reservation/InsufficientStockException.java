package com.northwind.warehouse.reservation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.CONFLICT)
public class InsufficientStockException extends RuntimeException {

    public InsufficientStockException(String warehouseId, String sku, int requested, int available) {
        super("Insufficient stock for " + sku + " in " + warehouseId
                + ": requested " + requested + ", available " + available);
    }
}
