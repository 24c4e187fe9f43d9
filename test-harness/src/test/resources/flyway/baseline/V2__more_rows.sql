INSERT INTO legacy (id, label) VALUES (2, 'after baseline');
