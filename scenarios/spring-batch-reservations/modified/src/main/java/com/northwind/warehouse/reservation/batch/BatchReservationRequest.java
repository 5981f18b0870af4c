package com.northwind.warehouse.reservation.batch;

import com.northwind.warehouse.reservation.ReserveRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;

public record BatchReservationRequest(
        @NotBlank String orderId,
        @NotBlank String warehouseId,
        @NotBlank String requestedBy,
        @NotEmpty List<Line> lines) {

    public record Line(@NotBlank String sku, int quantity) {
    }

    public static BatchReservationRequest single(ReserveRequest request, String requestedBy) {
        return new BatchReservationRequest(
                request.orderId(),
                request.warehouseId(),
                requestedBy,
                List.of(new Line(request.sku(), request.quantity())));
    }
}
