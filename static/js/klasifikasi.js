// The exemption fields of the classification form are asked only when "dikecualikan" is
// chosen. Without JavaScript they stay visible (their labels say when they are required).
document.querySelectorAll("form[data-klasifikasi]").forEach((form) => {
  const bagian = form.querySelector("[data-pengecualian]");
  if (!bagian) return;
  const perbarui = () => {
    const pilih = form.querySelector('input[name="klasifikasi"]:checked');
    bagian.hidden = !pilih || pilih.value !== "dikecualikan";
  };
  form.querySelectorAll('input[name="klasifikasi"]').forEach((r) => r.addEventListener("change", perbarui));
  perbarui();
});
