#!/usr/bin/env python3
"""Rewrites the generator's orders.csv in another platform's shape, for the browser benchmark's
second file (issue 14 item 1): the same orders, so both files describe the same shop, but

- rows shuffled (a fixed seed), not sorted by date;
- customers keyed by e-mail instead of an id;
- every text field quoted, CRLF line ends;
- other column names in another order, WooCommerce-style (`Order Number`, `Order Status`, …);
- WooCommerce's status words (Completed, Processing, Cancelled, Refunded) instead of ours.

Usage: bench-variant.py SRC.csv DST.csv. Prints the column names and paid statuses the peer
query needs, as JSON.
"""
import csv
import json
import random
import sys

STATUS = {"completed": "Completed", "paid": "Processing", "cancelled": "Cancelled",
          "refunded": "Refunded", "returned": "Refunded"}
COLUMNS = [("Order Status", "status"), ("Order Date", "order_date"), ("Customer Email", "customer_id"),
           ("Order Number", "order_id"), ("Payment Method Title", "channel"), ("Item Category", "category"),
           ("Order Currency", "currency"), ("Quantity", "quantity"), ("Order Total Amount", "amount")]
QUOTED = {"Order Status", "Customer Email", "Payment Method Title", "Item Category", "Order Currency",
          "Order Date"}


def email(customer):
    """A stable, made-up address for a customer id (example.com, nobody's)."""
    digits = "".join(ch for ch in customer if ch.isdigit()) or customer
    return f"buyer.{digits}@example.com"


def main(src, dst):
    with open(src, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    random.Random(14).shuffle(rows)
    with open(dst, "w", newline="", encoding="utf-8") as f:
        names = [name for name, _ in COLUMNS]
        f.write(",".join(f'"{n}"' for n in names) + "\r\n")
        for row in rows:
            values = dict(row)
            values["status"] = STATUS.get(row["status"], row["status"])
            values["customer_id"] = email(row["customer_id"])
            cells = []
            for name, source in COLUMNS:
                v = values.get(source, "")
                cells.append('"' + v.replace('"', '""') + '"' if name in QUOTED else v)
            f.write(",".join(cells) + "\r\n")
    print(json.dumps({"customer": "Customer Email", "date": "Order Date", "amount": "Order Total Amount",
                      "status": "Order Status", "paid": ["Completed", "Processing"]}))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: bench-variant.py SRC.csv DST.csv")
    main(sys.argv[1], sys.argv[2])
