package com.northwind.warehouse.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

@Entity
@Table(
        name = "stock_levels",
        uniqueConstraints = @UniqueConstraint(columnNames = {"warehouse_id", "sku"}))
public class StockLevel {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "warehouse_id", nullable = false)
    private String warehouseId;

    @Column(nullable = false)
    private String sku;

    @Column(name = "on_hand", nullable = false)
    private int onHand;

    @Column(nullable = false)
    private int reserved;

    protected StockLevel() {
    }

    public StockLevel(String warehouseId, String sku, int onHand, int reserved) {
        this.warehouseId = warehouseId;
        this.sku = sku;
        this.onHand = onHand;
        this.reserved = reserved;
    }

    public int available() {
        return onHand - reserved;
    }

    public Long getId() {
        return id;
    }

    public String getWarehouseId() {
        return warehouseId;
    }

    public String getSku() {
        return sku;
    }

    public int getOnHand() {
        return onHand;
    }

    public int getReserved() {
        return reserved;
    }

    public void setReserved(int reserved) {
        this.reserved = reserved;
    }
}
