package com.northwind.warehouse.reservation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnknownSkuException extends RuntimeException {

    public UnknownSkuException(String warehouseId, String sku) {
        super("No stock record for " + sku + " in " + warehouseId);
    }
}
