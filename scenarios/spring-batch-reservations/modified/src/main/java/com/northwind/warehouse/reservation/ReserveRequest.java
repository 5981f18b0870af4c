package com.northwind.warehouse.reservation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

public record ReserveRequest(
        @NotBlank String orderId,
        @NotBlank String warehouseId,
        @NotBlank String sku,
        @Positive int quantity) {
}
