package com.northwind.warehouse.reservation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties(prefix = "warehouse.reservation")
public record ReservationProperties(Duration holdDuration) {
}
