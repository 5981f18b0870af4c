package com.northwind.warehouse.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.northwind.warehouse.inventory.StockLevel;
import com.northwind.warehouse.inventory.StockLevelRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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

    private ReservationService service;

    @BeforeEach
    void setUp() {
        service = new ReservationService(
                stockLevelRepository,
                reservationRepository,
                new ReservationProperties(Duration.ofMinutes(15)),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void reservesWhenStockIsAvailable() {
        StockLevel stock = new StockLevel("WH-1", "SKU-100", 10, 2);
        when(stockLevelRepository.findForUpdate("WH-1", "SKU-100")).thenReturn(Optional.of(stock));
        when(reservationRepository.save(any(Reservation.class))).thenAnswer(call -> call.getArgument(0));

        Reservation reservation = service.reserve(new ReserveRequest("ORD-7", "WH-1", "SKU-100", 3));

        assertThat(stock.getReserved()).isEqualTo(5);
        assertThat(reservation.getQuantity()).isEqualTo(3);
        assertThat(reservation.getExpiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    }

    @Test
    void rejectsWhenStockIsShort() {
        StockLevel stock = new StockLevel("WH-1", "SKU-100", 4, 3);
        when(stockLevelRepository.findForUpdate("WH-1", "SKU-100")).thenReturn(Optional.of(stock));

        assertThatThrownBy(() -> service.reserve(new ReserveRequest("ORD-7", "WH-1", "SKU-100", 2)))
                .isInstanceOf(InsufficientStockException.class);
        assertThat(stock.getReserved()).isEqualTo(3);
        verify(reservationRepository, never()).save(any());
    }

    @Test
    void unknownSkuIsNotFound() {
        when(stockLevelRepository.findForUpdate("WH-1", "SKU-404")).thenReturn(Optional.empty());

        assertThatThrownBy(() -> service.reserve(new ReserveRequest("ORD-7", "WH-1", "SKU-404", 1)))
                .isInstanceOf(UnknownSkuException.class);
    }
}
