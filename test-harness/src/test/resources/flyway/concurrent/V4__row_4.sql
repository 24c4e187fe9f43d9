INSERT INTO counter (id) VALUES (4);
