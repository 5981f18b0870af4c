package com.northwind.warehouse.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.northwind.warehouse.inventory.StockLevel;
import com.northwind.warehouse.inventory.StockLevelRepository;
import com.northwind.warehouse.reservation.audit.ReservationAuditPublisher;
import com.northwind.warehouse.reservation.batch.BatchReservationRequest;
import com.northwind.warehouse.reservation.batch.BatchReservationResponse;
import com.northwind.warehouse.reservation.batch.BatchReservationResponse.LineStatus;
import com.northwind.warehouse.reservation.cache.AvailabilityCache;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class ReservationServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @Mock
    private StockLevelRepository stockLevelRepository;

    @Mock
    private ReservationRepository reservationRepository;

    @Mock
    private AvailabilityCache availabilityCache;

    @Mock
    private ReservationAuditPublisher auditPublisher;

    private ReservationService service;

    @BeforeEach
    void setUp() {
        service = new ReservationService(
                stockLevelRepository,
                reservationRepository,
                availabilityCache,
                auditPublisher,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void reservesWhenStockIsAvailable() {
        StockLevel stock = new StockLevel("WH-1", "SKU-100", 10, 2);
        when(availabilityCache.available("WH-1", "SKU-100")).thenReturn(8);
        when(stockLevelRepository.findByWarehouseIdAndSku("WH-1", "SKU-100")).thenReturn(Optional.of(stock));
        when(reservationRepository.save(any(Reservation.class))).thenAnswer(call -> call.getArgument(0));

        BatchReservationResponse response =
                service.reserve(new ReserveRequest("ORD-7", "WH-1", "SKU-100", 3), "picker-app");

        assertThat(stock.getReserved()).isEqualTo(5);
        assertThat(response.lines().get(0).quantity()).isEqualTo(3);
        assertThat(response.lines().get(0).expiresAt()).isEqualTo(NOW.plusSeconds(900));
    }

    @Test
    void rejectsWhenStockIsShort() {
        when(availabilityCache.available("WH-1", "SKU-100")).thenReturn(1);

        BatchReservationResponse response =
                service.reserve(new ReserveRequest("ORD-7", "WH-1", "SKU-100", 2), "picker-app");

        assertThat(response.lines().get(0).status()).isEqualTo(LineStatus.REJECTED);
        verify(reservationRepository, never()).save(any());
    }

    @Test
    void unknownSkuIsNotFound() {
        when(availabilityCache.available("WH-1", "SKU-404"))
                .thenThrow(new UnknownSkuException("WH-1", "SKU-404"));

        assertThatThrownBy(() -> service.reserve(new ReserveRequest("ORD-7", "WH-1", "SKU-404", 1), "picker-app"))
                .isInstanceOf(UnknownSkuException.class);
    }

    @Test
    void reservesEveryLineOfABatch() {
        when(availabilityCache.available(any(), any())).thenReturn(50);
        when(stockLevelRepository.findByWarehouseIdAndSku(any(), any()))
                .thenAnswer(call -> Optional.of(new StockLevel("WH-1", call.getArgument(1), 50, 0)));
        when(reservationRepository.save(any(Reservation.class))).thenAnswer(call -> call.getArgument(0));

        BatchReservationResponse response = service.reserveBatch(new BatchReservationRequest(
                "ORD-8",
                "WH-1",
                "replenishment-tool",
                List.of(
                        new BatchReservationRequest.Line("SKU-100", 4),
                        new BatchReservationRequest.Line("SKU-200", 6))));

        assertThat(response).isNotNull();
        assertThat(response.lines()).hasSize(2);
        verify(auditPublisher).publish(any());
    }
}
