INSERT INTO counter (id) VALUES (5);
